export type { Backend, BackendName } from './backend.js';
export { BACKEND_NAMES } from './backend.js';
export { chaosProfileOf } from './chaos-profile.js';
export { labelCalls, PATH_LABEL_HEADER } from './label-calls.js';
export type { MockBackendOptions } from './mock-backend.js';
export { startMockBackend } from './mock-backend.js';
export type { ServedMocks, ServeMocksOptions } from './serve-mocks.js';
export { serveMocks } from './serve-mocks.js';
