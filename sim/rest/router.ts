import { RestError } from '../core/errors.ts';
import type { ApiDef } from './api.ts';

interface Route {
  segments: string[];
  vars: number;
  defs: ApiDef[];
}

export interface Match {
  def: ApiDef;
  vars: Record<string, string>;
}

/**
 * Maps "/zstack/v1/<path>" to an API like ZStack's RestServer: an exact path wins over a templated one,
 * then the method picks the API among those on that path (405 when none takes it).
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(defs: readonly ApiDef[]) {
    const byShape = new Map<string, Route>();
    for (const def of defs) {
      const segments = def.path.split('/').filter(Boolean);
      const shape = segments.map((s) => (s.startsWith('{') ? '{}' : s)).join('/');
      const route = byShape.get(shape) ?? {
        segments,
        vars: segments.filter((s) => s.startsWith('{')).length,
        defs: [],
      };
      route.defs.push(def);
      byShape.set(shape, route);
    }
    this.routes = [...byShape.values()].sort((a, b) => a.vars - b.vars);
  }

  match(method: string, apiPath: string, fullPath: string): Match {
    const parts = apiPath.split('/').filter(Boolean);
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const ok = route.segments.every((seg, i) => {
        const part = parts[i] ?? '';
        return seg.startsWith('{') ? part.length > 0 : seg === part;
      });
      if (!ok) continue;
      const def = route.defs.find((d) => d.method === method);
      if (!def) throw new RestError(405, `The method[${method}] is not allowed for the path[${fullPath}]`);
      const named: Record<string, string> = {};
      const defSegments = def.path.split('/').filter(Boolean);
      defSegments.forEach((seg, i) => {
        if (seg.startsWith('{')) named[seg.slice(1, -1)] = parts[i] ?? '';
      });
      return { def, vars: named };
    }
    throw new RestError(404, `no api mapping to /v1${apiPath}`);
  }
}
