/**
 * `npm run --silent analyze -- f.html | head` closes the pipe early: the reader has what it wants,
 * which is not an error, so leave quietly instead of printing an EPIPE stack trace.
 */
export function exitQuietlyWhenPipeCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
