/**
 * The answer codes the code understands. Rubric files choose which of them each scale offers and how they are
 * labelled, but the meaning of a code is fixed here, because the report counts by code: "not_visible" (the footage
 * cannot show it) is never folded into "no", and "na" and "not_visible" both stay out of compliance rates.
 */
export const ITEM_ANSWERS = ['yes', 'partly', 'no', 'na', 'not_visible'] as const;
export type ItemAnswer = (typeof ITEM_ANSWERS)[number];

export const OVERALL_ANSWERS = ['good', 'requires_improvement', 'inadequate'] as const;
export type OverallAnswer = (typeof OVERALL_ANSWERS)[number];

export const SCOPE_ANSWERS = ['yes', 'no'] as const;
export type ScopeAnswer = (typeof SCOPE_ANSWERS)[number];

export const CONTEXT_ANSWERS = ['yes', 'partly', 'no'] as const;
export type ContextAnswer = (typeof CONTEXT_ANSWERS)[number];

/** Every code a rubric's answer scale may list. */
export const SCALE_CODES = [...ITEM_ANSWERS, ...OVERALL_ANSWERS] as const;

export function isItemAnswer(code: string): code is ItemAnswer {
  return (ITEM_ANSWERS as readonly string[]).includes(code);
}

export function isOverallAnswer(code: string): code is OverallAnswer {
  return (OVERALL_ANSWERS as readonly string[]).includes(code);
}
