import { randomUuid } from '../util/uuid.ts';

export interface Session {
  uuid: string;
  accountUuid: string;
  userUuid: string;
  userType: 'AccountVO' | 'IAM2VirtualIDVO';
  createDate: number;
  expiredDate: number;
  /** Set for IAM2 sessions. */
  virtualIdUuid?: string;
  /** Set for a LoginIAM2Project session. */
  projectUuid?: string;
}

/**
 * Sessions with sliding expiry: every authenticated API call pushes expiredDate to now + timeout (never
 * shortening a longer RenewSession); an expired session is deleted when it is next looked up.
 */
export class Sessions {
  private readonly map = new Map<string, Session>();

  constructor(private readonly timeoutMs: () => number) {}

  create(fields: Omit<Session, 'uuid' | 'createDate' | 'expiredDate'>): Session {
    const now = Date.now();
    const s: Session = {
      uuid: randomUuid(),
      createDate: now,
      expiredDate: now + this.timeoutMs(),
      ...fields,
    };
    this.map.set(s.uuid, s);
    return s;
  }

  /** The live session with this id, or undefined (an expired one is logged out). */
  get(uuid: string | undefined): Session | undefined {
    if (!uuid) return undefined;
    const s = this.map.get(uuid);
    if (!s) return undefined;
    if (Date.now() > s.expiredDate) {
      this.map.delete(uuid);
      return undefined;
    }
    return s;
  }

  /** Whether a session row exists, expired or not (what @APIParam(resourceType = SessionVO.class) checks). */
  exists(uuid: string): boolean {
    return this.map.has(uuid);
  }

  touch(s: Session): void {
    s.expiredDate = Math.max(s.expiredDate, Date.now() + this.timeoutMs());
  }

  renew(s: Session, durationSec: number): void {
    s.expiredDate = Date.now() + durationSec * 1000;
  }

  delete(uuid: string): void {
    this.map.delete(uuid);
  }

  expireAll(): number {
    const n = this.map.size;
    this.map.clear();
    return n;
  }

  get size(): number {
    return this.map.size;
  }
}
