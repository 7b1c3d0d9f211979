/** Today's calendar date in China (YYYY-MM-DD): deadlines such as publicity closing are Beijing days. */
export const chinaToday = (now: Date): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);

/** An instant as Beijing wall-clock date and time, the way each locale writes it. */
export const formatDateTime = (value: Date | string, locale: "zh-CN" | "en"): string => {
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(date);
};
