// AG Grid for the planner: the Community modules we use (registered once, never AllCommunityModule), a DSFR-like
// theme (Theming API, no legacy CSS theme) and the French words of the grid. Import from here, not from AG Grid.
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  EventApiModule,
  ExternalFilterModule,
  HighlightChangesModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  PinnedRowModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeQuartz,
  type GridOptions,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_TEXT } from './labels-fr';
import './grid.css';

let registered = false;

/** Registers the grid modules the first time a grid is created (idempotent). */
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    TextEditorModule,
    SelectEditorModule,
    TextFilterModule,
    NumberFilterModule,
    QuickFilterModule,
    ExternalFilterModule,
    PinnedRowModule,
    RowSelectionModule,
    CellStyleModule,
    RowStyleModule,
    TooltipModule,
    ColumnAutoSizeModule,
    ColumnApiModule,
    RenderApiModule,
    RowApiModule,
    ScrollApiModule,
    CellApiModule,
    EventApiModule,
    HighlightChangesModule,
    LocaleModule,
  ]);
  // Explains misconfigurations (a missing module, a wrong option) in the console, in development only.
  if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);
}

/** DSFR colours: blue France #000091, grey borders #ddd, Marianne (served by the DSFR CSS, never a CDN). */
export const DSFR_GRID_THEME = themeQuartz.withParams({
  accentColor: '#000091',
  foregroundColor: '#161616',
  textColor: '#161616',
  subtleTextColor: '#666666',
  backgroundColor: '#ffffff',
  borderColor: '#dddddd',
  chromeBackgroundColor: '#f6f6f6',
  headerBackgroundColor: '#f6f6f6',
  headerTextColor: '#161616',
  headerFontWeight: 700,
  rowHoverColor: '#f5f5fe',
  selectedRowBackgroundColor: '#e3e3fd',
  oddRowBackgroundColor: '#ffffff',
  invalidColor: '#ce0500',
  fontFamily: ['Marianne', 'arial', 'sans-serif'],
  headerFontFamily: ['Marianne', 'arial', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 14,
  borderRadius: 4,
  wrapperBorderRadius: 0,
  spacing: 6,
  focusShadow: { radius: 0, spread: 2, color: '#0a76f6' },
  pinnedRowFontWeight: 700,
  pinnedRowBackgroundColor: '#eeeeee',
});

/** Options every planner grid shares: theme, French, spreadsheet-like keyboard, text (never HTML) tooltips. */
export function commonGridOptions(): GridOptions {
  return {
    theme: DSFR_GRID_THEME,
    loadThemeGoogleFonts: false,
    localeText: { ...AG_GRID_LOCALE_TEXT },
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    singleClickEdit: false,
    stopEditingWhenCellsLoseFocus: true,
    enableBrowserTooltips: true,
    tooltipShowDelay: 300,
    animateRows: false,
    // Three lines of wrapped header text. A fixed height, not autoHeaderHeight: measuring every header cell
    // cost about 100 ms of forced layouts when the Postes grid first shows (CPU profile of ui.warm_start).
    headerHeight: 74,
    suppressDragLeaveHidesColumns: true,
    defaultColDef: {
      sortable: true,
      resizable: true,
      filter: true,
      cellDataType: false,
      wrapHeaderText: true,
      suppressHeaderMenuButton: false,
    },
  };
}
