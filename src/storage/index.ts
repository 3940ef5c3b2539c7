// Public API of the storage layer (Dexie only). The state layer imports from here.
export { PlannerDb, openPlannerDb, DEFAULT_DB_NAME, SCHEMA_VERSION } from './db';
export type { PlannerDbOptions, VersionChangeInfo } from './db';
export { StorageError, isQuotaError, QUOTA_MESSAGE, CLOSED_MESSAGE, NEWER_SCHEMA_MESSAGE } from './errors';
export type { StorageErrorCode } from './errors';
export { invertOps, diffFields, jsonEqual } from './ops';
export type { Op, PositionOp, StructureOp, RegionOp, CampaignOp, ScenarioNameOp, FieldChange } from './ops';
export { applyChange, undo, redo, historyState, HISTORY_LIMIT } from './changes';
export type { ChangeInput, ChangeResult, HistoryState } from './changes';
export { loadScenario, listScenarios, createScenario, replaceScenario, deleteScenario } from './scenarios';
export type { ScenarioSummary, WriteInfo, ScenarioWriteResult } from './scenarios';
export { scenarioOps } from './scenario-ops';
export { recentChanges, batchChanges } from './change-log';
export { getMeta, setMeta } from './meta';
export { requestPersistence } from './persist';
export type { PersistenceResult } from './persist';
export type { ChangeRow, ChangeSource, ChangeEntity, HistoryRow, MetaKey, ScenarioRow } from './rows';
