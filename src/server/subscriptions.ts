import { WebSocket } from "ws";
import type { ServedProvider, SubscriptionNotification } from "./json-rpc-types";
import { toJsonText } from "./json-text";
import type { SubscriptionSession } from "./request-handler";

/**
 * Routes the provider's eth_subscribe notifications to the socket that subscribed, and cancels a
 * socket's subscriptions when it goes away, so the provider stops doing work for nobody.
 */
export class SubscriptionRouter {
  /** subscription id → the socket that owns it (ids are unique across the provider). */
  private readonly owners = new Map<string, WebSocket>();
  private readonly sessions = new Set<WebSocketSession>();
  private readonly forward = (notification: SubscriptionNotification): void => {
    const socket = this.owners.get(notification.subscription);
    if (socket?.readyState !== WebSocket.OPEN) return;
    socket.send(toJsonText({ jsonrpc: "2.0", method: "eth_subscription", params: notification }));
  };

  constructor(private readonly provider: ServedProvider) {
    provider.on("notification", this.forward);
  }

  /** A session for a new socket; end it when the socket closes. */
  open(socket: WebSocket): WebSocketSession {
    const session = new WebSocketSession(socket, this.owners, this.provider, () => this.sessions.delete(session));
    this.sessions.add(session);
    return session;
  }

  /** Ends every session (unsubscribing at the provider) and stops listening to it. */
  async close(): Promise<void> {
    await Promise.all([...this.sessions].map((s) => s.end()));
    this.provider.removeListener("notification", this.forward);
  }
}

export class WebSocketSession implements SubscriptionSession {
  private readonly subscriptions = new Set<string>();
  private ended = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly owners: Map<string, WebSocket>,
    private readonly provider: ServedProvider,
    private readonly onEnd: () => void,
  ) {}

  added(subscriptionId: string): void {
    if (this.ended) {
      // The socket closed while eth_subscribe was running: nobody will ever read this one.
      void this.unsubscribe(subscriptionId);
      return;
    }
    this.subscriptions.add(subscriptionId);
    this.owners.set(subscriptionId, this.socket);
  }

  removed(subscriptionId: string): void {
    if (!this.subscriptions.delete(subscriptionId)) return;
    this.owners.delete(subscriptionId);
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    const ids = [...this.subscriptions];
    this.subscriptions.clear();
    for (const id of ids) this.owners.delete(id);
    await Promise.all(ids.map((id) => this.unsubscribe(id)));
  }

  private async unsubscribe(subscriptionId: string): Promise<void> {
    try {
      await this.provider.request({ method: "eth_unsubscribe", params: [subscriptionId] });
    } catch {
      // Cleanup of a closed socket has no one to report to; the subscription is gone either way
      // (e.g. hardhat_reset already dropped it).
    }
  }
}
