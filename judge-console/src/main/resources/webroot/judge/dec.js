// Exact decimal arithmetic for marks: values are {n: BigInt, s: scale}, never binary floats, so range and step
// checks agree with the server's BigDecimal checks. Running totals use exact fractions {num, den}.

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\u3002]/g;

/** Normalises what a judge typed: full-width digits and full stops become ASCII. */
export function normalise(text) {
  return String(text ?? '').replace(FULL_WIDTH, c => (c === '\uFF0E' || c === '\u3002') ? '.'
    : String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48)).trim();
}

/** Parses "8", "8.5", ".5", "-1" into {n, s}; null when it is not a plain decimal number. */
export function parse(text) {
  if (typeof text === 'number') {
    text = String(text);
  }
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(normalise(text));
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    return null;
  }
  const frac = m[3] || '';
  let n = BigInt((m[2] || '0') + frac);
  if (m[1]) {
    n = -n;
  }
  return { n, s: frac.length };
}

function pow10(k) {
  return 10n ** BigInt(k);
}

function align(a, b) {
  const s = Math.max(a.s, b.s);
  return [a.n * pow10(s - a.s), b.n * pow10(s - b.s), s];
}

export function cmp(a, b) {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a, b) {
  const [x, y, s] = align(a, b);
  return { n: x + y, s };
}

export function sub(a, b) {
  const [x, y, s] = align(a, b);
  return { n: x - y, s };
}

/** True when a is a whole multiple of step (step > 0). */
export function isMultiple(a, step) {
  const [x, y] = align(a, step);
  return y !== 0n && x % y === 0n;
}

/** Plain text without trailing zeros: "8.50" → "8.5", "10.0" → "10". */
export function format(a) {
  let n = a.n;
  let s = a.s;
  while (s > 0 && n % 10n === 0n) {
    n /= 10n;
    s--;
  }
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString();
  if (s > 0) {
    digits = digits.padStart(s + 1, '0');
    digits = digits.slice(0, digits.length - s) + '.' + digits.slice(digits.length - s);
  }
  return (neg ? '-' : '') + digits;
}

/** The canonical text of a value, or the input unchanged when it does not parse. */
export function canonical(text) {
  const v = parse(text);
  return v ? format(v) : String(text ?? '');
}

export function same(a, b) {
  if (a == null || b == null || a === '' || b === '') {
    return (a == null || a === '') && (b == null || b === '');
  }
  const x = parse(a);
  const y = parse(b);
  return x && y ? cmp(x, y) === 0 : String(a) === String(b);
}

/** How many choices 0..max in steps of step there are (max/step + 1), or Infinity when it does not divide. */
export function choices(max, step) {
  const [x, y] = align(max, step);
  if (y <= 0n || x % y !== 0n) {
    return Infinity;
  }
  return Number(x / y) + 1;
}

/** The values 0, step, …, max as decimals. */
export function range(max, step) {
  const out = [];
  let v = { n: 0n, s: step.s };
  while (cmp(v, max) <= 0) {
    out.push(v);
    v = add(v, step);
  }
  return out;
}

// Exact fractions for running totals: {num, den} with den > 0.
export function frac(dec) {
  return { num: dec.n, den: pow10(dec.s) };
}

export const ZERO = { num: 0n, den: 1n };

export function fadd(a, b) {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function fmul(a, b) {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function fdiv(a, b) {
  return { num: a.num * b.den, den: a.den * b.num };
}

/** A fraction rounded half-up to `scale` decimals, without trailing zeros. */
export function fformat(f, scale = 2) {
  let { num, den } = f;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const scaled = (abs * pow10(scale) * 2n + den) / (2n * den);
  return format({ n: neg ? -scaled : scaled, s: scale });
}
