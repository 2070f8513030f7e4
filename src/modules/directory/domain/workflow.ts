import type { WorkflowState } from '../data/tables.ts';

/** A move of a service's working copy through the editorial workflow. */
export type WorkflowAction = 'submit' | 'publish' | 'sendBack' | 'archive' | 'restore';

const FROM: Record<WorkflowAction, WorkflowState[]> = {
  submit: ['draft'],
  // An editor may publish what was submitted, or their own draft (e.g. after editing a published service).
  publish: ['draft', 'in_review'],
  sendBack: ['in_review'],
  archive: ['draft', 'in_review', 'published'],
  restore: ['archived'],
};

const TO: Record<WorkflowAction, WorkflowState> = {
  submit: 'in_review',
  publish: 'published',
  sendBack: 'draft',
  archive: 'archived',
  restore: 'draft',
};

/** Whether the action applies to a service in this state. */
export function isAllowedFrom(action: WorkflowAction, state: WorkflowState): boolean {
  return FROM[action].includes(state);
}

/** The state after the action. */
export function stateAfter(action: WorkflowAction): WorkflowState {
  return TO[action];
}

/** The state of the working copy after an edit: editing a published service opens a new draft. */
export function stateAfterEdit(state: WorkflowState): WorkflowState {
  return state === 'published' ? 'draft' : state;
}
