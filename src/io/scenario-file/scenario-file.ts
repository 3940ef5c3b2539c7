// Scenario files: one .xlsx that carries a whole scenario (export workbook + Structures, Métadonnées,
// Journal), written by buildScenarioFile and opened by readScenarioFile (guard → migrate → restore).
// Loaded by a dynamic import from the page, so SheetJS stays out of the main bundle.
export { buildScenarioFile, type ScenarioFileOptions } from './scenario-file-write';
export { readScenarioFile, type OpenedScenarioFile, type ReadScenarioOptions } from './scenario-file-read';
export {
  APP_VERSION,
  CURRENT_FORMAT_VERSION,
  SCENARIO_FILE_TYPE,
  type JournalEntry,
} from './scenario-file-format';
export { formatFileDiagnostic, type FileDiagnostic } from './scenario-file-diagnostics';
