// Entry point: DSFR styles, then the app.
import '@gouvfr/dsfr/dist/dsfr.min.css';
import './ui/icons.css';
import './ui/app.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Élément #app introuvable');
export default mount(App, { target });
