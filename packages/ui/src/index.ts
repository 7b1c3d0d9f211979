// Browser-side public surface of @kechuang/ui. Build-time helpers live in "@kechuang/ui/federation".

export { EChart, type EChartOption, type EChartProps } from "./charts/EChart";
export { citationHref, clauseElementId, clauseIdFromHash } from "./citation";
export { DraftSourceNotice } from "./components/DraftSourceNotice";
export { EmptyState, type NextStep } from "./components/EmptyState";
export { ErrorState } from "./components/ErrorState";
export { InlineError } from "./components/InlineError";
export { NotificationsCard } from "./components/NotificationsCard";
export {
  ObligationCalendar,
  type ObligationEntry,
  ObligationStatusTag,
} from "./components/ObligationCalendar";
export { PageHeader } from "./components/PageHeader";
export { StageTag } from "./components/StageTag";
export { type DescribedError, describeError, type ErrorKind } from "./errors";
export { daysBetween, formatCount, formatDate, formatWaited, localized } from "./format";
export { GovernanceView } from "./governance/GovernanceView";
export { type GovernanceMessages, governanceMessages } from "./governance/messages";
export { commonEn } from "./i18n/common.en";
export { commonZhCN } from "./i18n/common.zh-CN";
export {
  addMessages,
  changeLocale,
  initI18n,
  isLocale,
  localeStorageKey,
  readStoredLocale,
  storeLocale,
} from "./i18n/instance";
export { blankMessages, keyDifferences, type MessageTree, messageKeys, type SameKeys } from "./i18n/messages";
export {
  defaultLocale,
  type Locale,
  locales,
  type PortalName,
  type PortalProps,
  portalNames,
} from "./portal";
export { stageColor } from "./stages";
export { targetsViewMessages } from "./targets/messages";
export { JointMeetingCard, type JointMeetingSeatView, TargetsView } from "./targets/TargetsView";
export { antdLocale, theme, UiProvider } from "./theme";
export {
  ApiProvider,
  createQueryClient,
  createTrpcClient,
  shouldRetry,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from "./trpc";
export { formatHours, formatWaitedHours, hoursBetween } from "./waited";
