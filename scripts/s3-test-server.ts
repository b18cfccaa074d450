// npm run s3:test-server [-- <port>]: an S3-compatible server on 127.0.0.1 (s3rver, a devDependency) with one
// bucket, for trying ATTACHMENTS_URL on this machine. Objects live in a temporary directory, removed on exit.
// Not for production: use AWS S3, MinIO, Ceph or another S3-compatible store.
import { startS3TestServer } from "../tests/fixtures/s3-test-server";

const port = Number(process.argv[2] ?? process.env.S3_TEST_PORT ?? 4569);
const server = await startS3TestServer("tierdesk-attachments", port);
console.log("[s3-test-server] listening; point Tierdesk at it with:");
for (const [name, value] of Object.entries({ ATTACHMENTS_URL: `s3://${server.bucket}/attachments`, ...server.env })) console.log(`export ${name}=${value}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
