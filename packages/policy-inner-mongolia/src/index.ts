export { nmTic2020 } from "./nm-tic-2020/module";
