// The Express 4 install is aliased as "express4" to test both majors; its API is the one typed by @types/express.
declare module "express4" {
  import express from "express";
  export default express;
}
