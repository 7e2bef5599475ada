// `@cartlift/analytics/experiments`: the bucketing lives in core, shared with the server.
export { assignVariant, bucket, BUCKETS, hash32 } from '@cartlift/core';
