/**
 * TypeScript typings of the <paingraph-recommendations> element (widget/paingraph.js), served at
 * /widget/paingraph.d.ts beside /widget/paingraph.types.ts (the query's result types, generated from the schema).
 * Attributes, events, CSS custom properties and parts are also in /widget/custom-elements.json.
 */
import type { PainGraphRecommendationsQuery } from "./paingraph.types";

/** What `paingraph-load` carries: the recommendTreatments answer the element rendered. */
export type PainGraphResult = PainGraphRecommendationsQuery["recommendTreatments"];

/**
 * Every string the element shows. `{name}` marks a value it fills in (e.g. `{conditions}`, `{count}`); an empty
 * `disclaimer` shows the API's own text. English and Spanish (`lang="es"`) are built in.
 */
export interface PainGraphStrings {
  treatments: string;
  treatmentsFor: string;
  and: string;
  bestFirst: string;
  loading: string;
  rankedOne: string;
  rankedMany: string;
  empty: string;
  filteredOut: string;
  rank: string;
  evidence: string;
  strong: string;
  conditional: string;
  ungraded: string;
  disagree: string;
  deliveredBy: string;
  basisCited: string;
  basisConvention: string;
  supporting: string;
  against: string;
  warning: string;
  boxedWarning: string;
  precautions: string;
  notRecommendedHeading: string;
  notRecommended: string;
  newTab: string;
  source: string;
  sourceRelease: string;
  disclaimer: string;
  phaseAcute: string;
  phaseSubacute: string;
  phaseChronic: string;
  phaseAny: string;
  noOpioids: string;
  invasiveness0: string;
  invasiveness1: string;
  invasiveness2: string;
  minStrong: string;
  minConditional: string;
  jurisdictions: string;
  guidelinesChosen: string;
  intentAcute: string;
  intentPreventive: string;
  tried: string;
  superseded: string;
  setCondition: string;
  badAttribute: string;
  badStrings: string;
  noCondition: string;
  serviceError: string;
  httpError: string;
  timeout: string;
  unreachable: string;
  tryAgain: string;
}

export type PainGraphState = "idle" | "loading" | "ready" | "empty" | "error";

export interface PainGraphRecommendationsElement extends HTMLElement {
  /** Strings replacing the built-in ones, in any language; wins over the `strings` attribute (JSON). */
  strings: Partial<PainGraphStrings>;
  /** Loads again (what the error state's "Try again" does). */
  refresh(): Promise<void>;
}

export interface PainGraphRecommendationsConstructor {
  new (): PainGraphRecommendationsElement;
  /** The version of the script, e.g. "1.0.0". */
  readonly version: string;
}

export interface PainGraphEventMap {
  "paingraph-load": CustomEvent<PainGraphResult>;
  "paingraph-error": CustomEvent<{ message: string }>;
}

declare global {
  interface HTMLElementTagNameMap {
    "paingraph-recommendations": PainGraphRecommendationsElement;
  }
  // The events bubble out of the shadow root (composed), so any ancestor can listen.
  interface HTMLElementEventMap {
    "paingraph-load": CustomEvent<PainGraphResult>;
    "paingraph-error": CustomEvent<{ message: string }>;
  }
}
