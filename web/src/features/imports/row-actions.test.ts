import { describe, expect, it } from 'vitest';
import { actionsFor, commitBody, defaultActionFor } from './row-actions';

describe('row actions', () => {
  it('offers merge only for rows that match and change something', () => {
    expect(actionsFor('new')).toEqual(['create', 'skip']);
    expect(actionsFor('merge')).toEqual(['merge', 'create', 'skip']);
    expect(actionsFor('duplicate')).toEqual(['skip', 'create']);
    expect(actionsFor('error')).toEqual([]);
  });

  it('follows the bulk defaults for matches', () => {
    const defaults = { merge: 'skip', duplicate: 'create', conflict: 'create' } as const;
    expect(defaultActionFor('merge', defaults)).toBe('skip');
    expect(defaultActionFor('duplicate', defaults)).toBe('create');
    expect(defaultActionFor('new', defaults)).toBe('create');
    expect(defaultActionFor('error', defaults)).toBeNull();
  });

  it('sends only the choices that differ from the defaults', () => {
    const defaults = { merge: 'skip', duplicate: 'skip', conflict: 'create' } as const;
    const choices = new Map([
      [5, { status: 'merge', action: 'merge' }],
      [6, { status: 'merge', action: 'skip' }],
      [7, { status: 'new', action: 'skip' }],
      [8, { status: 'new', action: 'create' }],
    ] as const);
    expect(commitBody(defaults, choices)).toEqual({ defaults, rows: { '5': 'merge', '7': 'skip' } });
    expect(commitBody(defaults, new Map())).toEqual({ defaults });
  });
});
