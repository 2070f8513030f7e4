import type { EditionState } from './vocabulary.ts';

/** What a manager can do to an edition's state. */
export const EDITION_ACTIONS = ['open_call', 'close_call', 'start', 'complete'] as const;
export type EditionAction = (typeof EDITION_ACTIONS)[number];

const TRANSITIONS: Record<EditionAction, { from: EditionState[]; to: EditionState }> = {
  open_call: { from: ['draft', 'call_closed'], to: 'call_open' },
  close_call: { from: ['call_open'], to: 'call_closed' },
  start: { from: ['call_open', 'call_closed'], to: 'running' },
  complete: { from: ['running'], to: 'completed' },
};

/** The state an action leads to from a state, or null when it is not allowed there. */
export function nextState(state: EditionState, action: EditionAction): EditionState | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(state) ? transition.to : null;
}

/** The actions allowed from a state, in the order the page offers them. */
export function actionsFrom(state: EditionState): EditionAction[] {
  return (Object.keys(TRANSITIONS) as EditionAction[]).filter((a) => nextState(state, a) !== null);
}

/** Whether applications are accepted in this state. */
export const isCallOpen = (state: EditionState): boolean => state === 'call_open';

/** Whether the class can still change (selection, withdrawals, promotions). */
export const isClassOpen = (state: EditionState): boolean => state === 'call_open' || state === 'call_closed' || state === 'running';

/** Whether attendance may be taken. */
export const isTeachable = (state: EditionState): boolean => state === 'call_closed' || state === 'running';
