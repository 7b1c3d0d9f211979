/** Colour by where an application stands: still with the applicant, in review, or decided. */
const colorOfStage: Record<string, string> = {
  draft: "default",
  returned: "orange",
  withdrawn: "default",
  submitted: "blue",
  recommended: "blue",
  consultation: "geekblue",
  "site-visit": "geekblue",
  "formal-application": "geekblue",
  review: "purple",
  publicity: "cyan",
  approved: "green",
  rejected: "red",
};

export const stageColor = (stage: string): string => colorOfStage[stage] ?? "processing";
