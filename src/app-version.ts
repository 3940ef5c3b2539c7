// The app's version, written into saved files (scenario files, backups) so a reader knows who wrote them.
import { version } from '../package.json';

export const APP_VERSION: string = version;
