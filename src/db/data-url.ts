// Where the app serves the published files (public/data/ under the app's base path).

export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}
