import type { SimLocale } from '../i18n/index.ts';
import { buildWorld } from '../model/seed.ts';
import type { World } from '../model/world.ts';
import { Faults } from './faults.ts';
import { Jobs } from './jobs.ts';
import { RequestLog } from './requestLog.ts';
import { Sessions } from './sessions.ts';

export interface SimConfig {
  jobDurationMs: number;
  sessionTimeoutSec: number;
  /** The node's locale (ZStack's `locale` global property); a simulator control may change it at run time. */
  locale: SimLocale;
}

/** Everything the simulator holds; reset() goes back to the seed and the start-up timings. */
export class SimState {
  world: World;
  readonly sessions: Sessions;
  readonly jobs = new Jobs();
  readonly faults = new Faults();
  readonly log = new RequestLog();
  config: SimConfig;

  constructor(
    readonly scale: number,
    private readonly startConfig: SimConfig,
    /** The node's base URL (RESTFacadeImpl.getBaseUrl without "/zstack"): jobs' `location` starts with it. */
    readonly nodeUrl: string,
  ) {
    this.config = { ...startConfig };
    this.world = buildWorld(scale);
    this.sessions = new Sessions(() => this.config.sessionTimeoutSec * 1000);
  }

  reset(): void {
    this.jobs.reset();
    this.faults.clear();
    this.log.clear();
    this.sessions.expireAll();
    this.config = { ...this.startConfig };
    this.world = buildWorld(this.scale);
  }

  close(): void {
    this.jobs.reset();
  }
}
