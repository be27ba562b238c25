/** Hands a text to the browser's download as a file named `fileName`. */
export function saveText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it started
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
