// A Welsh string and whether a Welsh speaker has reviewed it (DESIGN §12; docs/welsh.md says how).

export interface WelshMessage {
  readonly text: string;
  /** True once a Welsh speaker has read the string in its place and approved it. */
  readonly reviewed: boolean;
}

/** A machine-assisted translation that no Welsh speaker has checked yet. */
export const draft = (text: string): WelshMessage => ({ text, reviewed: false });
