// Tasks of CONSOLE.md for this part of the console: added with its screens.
export {};
