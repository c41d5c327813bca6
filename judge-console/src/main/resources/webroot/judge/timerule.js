// The scheme's time rule applied in the browser, only to preview a time before the head judge saves it; the
// server's engine (TimeRule, Penalties) decides. Same rule: net = completion − extra; each started unit over the
// limit deducts the scheme's points, capped at maxDeduction.
import * as dec from './dec.js';

/** {netSeconds, overrunSeconds, deduction: "2.5" | "0" | null (running over costs nothing), capped} */
export function preview(time, completionSeconds, extraSeconds) {
  const netSeconds = Math.max(0, completionSeconds - extraSeconds);
  const overrunSeconds = Math.max(0, netSeconds - time.limitSeconds);
  if (!time.overrun) {
    return { netSeconds, overrunSeconds, deduction: null, capped: false };
  }
  const units = BigInt(Math.ceil(overrunSeconds / time.overrun.perSeconds));
  const per = dec.parse(time.overrun.deduction);
  let deduction = { n: per.n * units, s: per.s };
  let capped = false;
  if (time.overrun.maxDeduction !== undefined && time.overrun.maxDeduction !== null) {
    const cap = dec.parse(time.overrun.maxDeduction);
    if (dec.cmp(deduction, cap) > 0) {
      deduction = cap;
      capped = true;
    }
  }
  return { netSeconds, overrunSeconds, deduction: dec.format(deduction), capped };
}

/** Minutes as the head judge reads them: "90", "92.5". */
export function minutes(seconds) {
  return dec.format({ n: BigInt(Math.round(seconds * 100 / 60)), s: 2 });
}
