/*
 * How the personal page writes numbers, ported from dev.personas.site.Format: rounding is
 * HALF_UP on the shortest decimal form of the double (Java's BigDecimal.valueOf), not on its
 * binary value as toFixed rounds, so 1.005 prints "1.01" on both pages.
 */

/** BigDecimal.valueOf(value).setScale(decimals, HALF_UP).doubleValue(). */
export function round(value, decimals) {
  if (!Number.isFinite(value) || value === 0) {
    return value === 0 ? 0 : value;
  }
  const negative = value < 0;
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  // value = 0.digits × 10^(exponent + 1); keep (exponent + 1 + decimals) digits.
  const keep = Number(exponentText) + 1 + decimals;
  if (keep < 0) {
    return 0;
  }
  let kept = keep >= digits.length ? digits + "0".repeat(keep - digits.length) : digits.substring(0, keep);
  let units = kept.length === 0 ? 0n : BigInt(kept);
  if (keep < digits.length && digits[keep] >= "5") {
    units += 1n;
  }
  const text = units.toString().padStart(decimals + 1, "0");
  const rounded = Number(text.substring(0, text.length - decimals) + "." + text.substring(text.length - decimals));
  return rounded === 0 ? 0 : negative ? -rounded : rounded;
}

function grouped(integerText) {
  return integerText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function fixed(value, decimals, group) {
  const text = value.toFixed(decimals);
  if (!group) {
    return text;
  }
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.substring(1) : text).split(".");
  return (negative ? "-" : "") + grouped(whole) + (fraction === undefined ? "" : "." + fraction);
}

/** Format.percent: 0.3671 → "36.7 %". */
export function percent(share) {
  return fixed(percentValue(share), 1, false) + " %";
}

export function percentValue(share) {
  return round(share * 100, 1);
}

/** Format.number: whole numbers with separators, small ones with two decimals, larger with one. */
export function number(value) {
  if (value === Math.round(value) && Math.abs(value) < 1e15) {
    return fixed(value, 0, true);
  }
  return Math.abs(value) >= 10 ? fixed(round(value, 1), 1, true) : fixed(round(value, 2), 2, false);
}

/** Format.count: "4,313". */
export function count(value) {
  return fixed(value, 0, true);
}

/** Format.minutes: "12.5". */
export function minutes(value) {
  return fixed(round(value, 1), 1, false);
}
