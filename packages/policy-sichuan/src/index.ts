export { scTic2018 } from "./sc-tic/module";
export { type DemonstrationTaskId, demonstrationTasks, zoneConditions, zoneLayout } from "./sc-zone/data";
export { scZone2018 } from "./sc-zone/module";
