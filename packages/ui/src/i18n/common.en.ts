import type { commonZhCN } from "./common.zh-CN";
import { kindLabels } from "./kinds";
import type { SameKeys } from "./messages";

export const commonEn: SameKeys<typeof commonZhCN> = {
  product: {
    fullName: "Kechuang · S&T Innovation Platforms",
    shortName: "Kechuang",
  },
  a11y: { skipToContent: "Skip to main content", mainNav: "Main navigation" },
  nav: { public: "Public", apply: "Apply", review: "Review" },
  locale: { switchLabel: "Language" },
  demo: { banner: "Demo environment: demo data" },
  user: { signIn: "Sign in", signOut: "Sign out", role: "Role: {{role}}", changePassword: "Change password" },
  password: {
    title: "Change password",
    forced:
      "You are using a password the system generated. To protect the account, set your own password before you go on.",
    current: "Current password",
    next: "New password",
    confirm: "New password again",
    policy:
      "At least 12 characters with upper and lower case letters, digits and symbols, not containing the username.",
    mismatch: "The two new passwords differ",
    tooShort: "The new password needs at least 12 characters",
    submit: "Save the new password",
    done: "Password changed. Every other signed-in device was signed out.",
  },
  signIn: {
    title: "Sign in to Kechuang",
    username: "Username",
    password: "Password",
    totp: "One-time code",
    totpHint: "Enter the 6-digit code from your authenticator app",
    submit: "Sign in",
    wrongCredentials: "Wrong username or password",
    totpRequired: "This account needs a one-time code: enter it and sign in again",
    wrongTotp: "The one-time code is wrong or has expired",
    tooManyAttempts: "Too many attempts; please try again later",
    required: "Please enter the {{field}}",
    totpFormat: "The one-time code is 6 digits",
  },
  notifications: {
    title: "Notifications",
    empty: "No new notifications",
    emptyHint: "You will be told here when something needs your action.",
    markRead: "Mark as read",
    markAllRead: "Mark all as read",
    kind: {
      "action-needed": 'An application reached "{{stage}}" and waits for you',
      assigned: "You were assigned to review an application ({{stage}})",
      "objection-filed": "An objection was filed during publicity",
      decided: "An application was decided: {{stage}}",
      other: "An application moved on ({{stage}})",
      "report-reminder-before": "The {{year}} annual report of {{platform}} is due on {{dueOn}}",
      "report-reminder-on-day": "The {{year}} annual report of {{platform}} is due today ({{dueOn}})",
      "report-reminder-overdue": "The {{year}} annual report of {{platform}} is overdue (due {{dueOn}})",
      "report-action-needed": "{{platform}} filed its {{year}} annual report; it waits for your review",
      "report-returned": "The {{year}} annual report of {{platform}} was returned: {{reason}}",
      "report-accepted": "The {{year}} annual report of {{platform}} was accepted",
      "evaluation-opened":
        "An evaluation of {{platform}} has opened: prepare and submit its evaluation material by {{dueOn}}",
      "evaluation-assigned":
        "You were chosen as an expert for the evaluation of {{platform}}: read its material and give your opinion",
      "evaluation-graded": "{{platform}} was graded “{{grade}}”; nothing more is to be done",
      "evaluation-graded-subsidy": "{{platform}} was graded “{{grade}}”; it may apply for the post-subsidy",
      "evaluation-graded-rectify":
        "{{platform}} was graded “{{grade}}”: rectify and submit a rectification report by {{dueOn}}",
      "rectification-responded":
        "{{platform}} submitted its rectification report (due {{dueOn}}); review it and open the re-evaluation",
      "re-evaluation-opened":
        "A re-evaluation of {{platform}} has opened: prepare its material and wait for the evaluation notice",
      revoked: "{{platform}} was revoked on {{decidedOn}}; its recognition has ended; nothing is to be done",
      "change-filed": "{{platform}} filed “{{change}}”; the change is in effect, for your records",
      "change-pending": "{{platform}} asks approval for “{{change}}”: review it",
      "change-approved":
        "“{{change}}” of {{platform}} was approved and is in effect; nothing more is to be done",
      "change-rejected": "“{{change}}” of {{platform}} was not approved: {{reason}}",
      "experience-submitted": "{{platform}} submitted the experience “{{title}}”: review and publish it",
      "experience-published":
        "The experience “{{title}}” of {{platform}} was published; nothing more is to be done",
      "experience-returned":
        "The experience “{{title}}” of {{platform}} was returned: {{reason}}; revise and resubmit it",
    },
    open: "Open application",
    openPlatform: "Open platform",
    openEvaluation: "Open evaluation",
    refresh: "Refresh",
  },
  state: {
    draftSource:
      "These results rest on a draft for comment, not on a document in force; treat them as guidance.",
    errorTitle: "Something went wrong",
    errorGeneric: "The request could not be completed. Please try again later.",
    correlationId: "Reference: {{id}} (quote it when you contact an administrator)",
    retry: "Retry",
    signInRequired: "Please sign in",
    forbidden: "Your role may not see this page.",
  },
  portal: {
    loadFailedHint:
      "Everything else still works. Retry in a moment; if it keeps failing, contact an administrator.",
    loading: "Loading the portal…",
    notFound: "Page not found",
  },
  stage: {
    draft: "Draft",
    submitted: "Submitted, awaiting recommendation",
    returned: "Returned for revision",
    recommended: "Recommended",
    consultation: "Expert consultation",
    "site-visit": "Site visit",
    "formal-application": "Formal application",
    review: "Review",
    publicity: "Publicity",
    approved: "Approved",
    rejected: "Rejected",
    withdrawn: "Withdrawn",
  },
  calendar: {
    column: { kind: "Obligation", dueOn: "Due", status: "Status" },
    annualReport: "Annual report {{year}}",
    evaluation: "Evaluation (from {{date}})",
    noDate: "Not set",
    late: "Filed late",
    status: {
      exempt: "Exempt",
      upcoming: "Upcoming",
      due: "Due soon",
      overdue: "Overdue",
      "in-review": "In review",
      accepted: "Accepted",
    },
    report: {
      draft: "Draft",
      submitted: "Submitted",
      "recommender-checked": "Checked by recommender",
      returned: "Returned for revision",
      accepted: "Accepted",
    },
  },
  // One wording for platform kinds everywhere: the domain's vocabulary labels.
  kind: kindLabels("en"),
};
