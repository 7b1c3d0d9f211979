export { hnTic2020 } from "./hn-tic-2020/module";
