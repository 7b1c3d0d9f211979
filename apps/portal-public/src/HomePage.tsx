import type { Locale } from "@kechuang/ui";
import { DirectoryPage } from "./directory/DirectoryPage";

/** The public portal's home page is the directory of platforms (issue 12). */
export function HomePage(props: { basePath: string; locale: Locale }) {
  return <DirectoryPage {...props} />;
}
