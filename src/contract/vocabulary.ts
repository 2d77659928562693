/*
 * The domain's closed word lists (channels, circles, ledger kinds, …) as the API speaks them. The
 * web app imports them from here (@contract/vocabulary), never from src/core (biome.json).
 */
export * from '../core/vocabulary';
