/** DI token for the MessagePublisher a service's relay (and dead-lettering) publishes with. */
export const MESSAGE_PUBLISHER = Symbol('MESSAGE_PUBLISHER');
