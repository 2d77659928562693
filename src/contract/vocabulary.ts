/*
 * The domain's closed word lists (channels, circles, ledger kinds, …) as the API speaks them. The
 * web app imports them from here (@contract/vocabulary), never from src/core (biome.json).
 */

export { MAPPING_FIELD_LABELS, MAPPING_FIELDS, type MappingField } from '../core/import-mapping';
export { isOneOf } from '../core/one-of';
export * from '../core/vocabulary';
