/**
 * The SQL each review filter stands for, the same in every backend (both keep `review_state` as
 * a nullable text column).
 */
import type { ReviewFilter } from './types.js';

/** The condition of each review filter; `all` adds none. */
export const REVIEW_CONDITION: Record<ReviewFilter, string | null> = {
  unreviewed: 'review_state IS NULL',
  reviewed: "review_state IN ('confirmed', 'edited')",
  confirmed: "review_state = 'confirmed'",
  edited: "review_state = 'edited'",
  rejected: "review_state = 'rejected'",
  all: null,
};

/** Rejected events leave every query that does not ask for them. */
export const NOT_REJECTED = "(review_state IS NULL OR review_state <> 'rejected')";
