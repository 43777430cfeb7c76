// The printable summary's Print button (no inline script: the pages' CSP allows only our own files).
document.getElementById('print')?.addEventListener('click', () => window.print());
