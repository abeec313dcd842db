/** Every generated output line, newline included, has this many bytes: a file of N lines has N * LINE_BYTES. */
export const LINE_BYTES = 1000;
