import type { MetricsRange } from "./period";

// Figures whose data other work adds (self-service deflections, satisfaction ratings). Each returns null
// until its model exists; wiring one means replacing its body with an aggregation, nothing else.

export interface DeflectionFigures {
  deflections: number;
  /** Deflections per ticket opened plus deflections. */
  rate: number | null;
}

export interface SatisfactionFigures {
  average: number | null;
  /** Ratings 1–5 and how many tickets got each. */
  distribution: { rating: number; count: number }[];
}

/** Self-service deflections in the period: not available yet (the Deflection model is not in this branch). */
export async function getDeflections(range: MetricsRange): Promise<DeflectionFigures | null> {
  void range;
  return null;
}

/** Satisfaction ratings in the period: not available yet (tickets carry no rating in this branch). */
export async function getSatisfaction(range: MetricsRange): Promise<SatisfactionFigures | null> {
  void range;
  return null;
}
