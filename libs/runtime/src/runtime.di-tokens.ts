/** DI tokens of the service runtime (one constants file, STYLE.md). */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SERVICE_INFRA = Symbol('SERVICE_INFRA');
export const SERVICE_SETTINGS = Symbol('SERVICE_SETTINGS');
