/**
 * The simulator's controls over its model (under /__sim, beside controls.ts; not part of ZStack): stop or
 * start a VM with the effect ZStack's LoadBalancerExtension has on its backends, and ZWatch's view of a
 * backend (up/down, concurrent sessions).
 */
import { RestError } from './core/errors.ts';
import type { SimState } from './core/state.ts';
import { isJsonObject, JavaNumber, JsonSyntaxError, parseJson, type JsonObject } from './http/json.ts';
import { ZWATCH_DEFAULT } from './api/index.ts';
import { clearMarks, markBackend, switchZWatch, zwatchOn } from './model/zwatch.ts';

export interface ControlReply {
  status: number;
  body: unknown;
}

function object(text: string): JsonObject {
  let v;
  try {
    v = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new RestError(400, e.message);
    throw e;
  }
  if (!isJsonObject(v)) throw new RestError(400, 'the body is a JSON object');
  return v;
}

const text = (o: JsonObject, name: string): string | undefined => {
  const v = o[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RestError(400, `"${name}" must be a string`);
  return v;
};

/**
 * LoadBalancerExtension: a VM that stops deactivates its NICs' backends (Inactive), one that starts
 * activates them (Active), in every server group.
 */
function setVmState(state: SimState, body: JsonObject): ControlReply {
  const w = state.world;
  const uuid = text(body, 'vmUuid');
  const name = text(body, 'name');
  const to = text(body, 'state');
  if (to !== 'Running' && to !== 'Stopped')
    throw new RestError(400, '"state" must be "Running" or "Stopped"');
  const vm = uuid ? w.vms.get(uuid) : w.vms.list.find((v) => v.name === name);
  if (!vm) throw new RestError(404, `no VM ${uuid ?? name ?? '(give "vmUuid" or "name")'}`);
  const now = Date.now();
  if (vm.state !== to) {
    vm.state = to;
    vm.lastOpDate = now;
    for (const nicUuid of vm.nicUuids) {
      for (const ref of w.refsOfNic(nicUuid)) {
        ref.status = to === 'Running' ? 'Active' : 'Inactive';
        ref.lastOpDate = now;
      }
    }
  }
  return {
    status: 200,
    body: {
      vmUuid: vm.uuid,
      state: vm.state,
      backends: vm.nicUuids.flatMap((u) =>
        w.refsOfNic(u).map((r) => ({ serverGroupUuid: r.serverGroupUuid, status: r.status })),
      ),
    },
  };
}

function markBackends(state: SimState, body: JsonObject): ControlReply {
  const ip = text(body, 'ip');
  if (!ip) throw new RestError(400, '"ip" (the backend address) is required');
  const up = body.up;
  if (up !== undefined && up !== null && typeof up !== 'boolean')
    throw new RestError(400, '"up" must be true, false or null (as the model says)');
  const sessions = body.sessions;
  if (
    sessions !== undefined &&
    !(sessions instanceof JavaNumber && Number.isInteger(sessions.value) && sessions.value >= 0)
  )
    throw new RestError(400, '"sessions" must be an integer >= 0');
  const changed = markBackend(state.world, {
    ip,
    listenerUuid: text(body, 'listenerUuid'),
    up: up as boolean | null | undefined,
    sessions: sessions instanceof JavaNumber ? sessions.value : undefined,
  });
  if (!changed.length) throw new RestError(404, `no backend at ${ip}`);
  return { status: 200, body: { marked: changed } };
}

/** The reply of a model control, or undefined when `method path` is not one. */
export function modelControl(
  state: SimState,
  method: string,
  path: string,
  body: string,
): ControlReply | undefined {
  switch (`${method} ${path}`) {
    case 'GET /__sim/zwatch':
      return { status: 200, body: { enabled: zwatchOn(state.world, ZWATCH_DEFAULT.get(state) ?? false) } };
    case 'POST /__sim/zwatch': {
      const enabled = object(body).enabled;
      if (typeof enabled !== 'boolean') throw new RestError(400, '"enabled" must be true or false');
      switchZWatch(state.world, enabled);
      return { status: 200, body: { enabled } };
    }
    case 'POST /__sim/vms/state':
      return setVmState(state, object(body));
    case 'POST /__sim/zwatch/backends':
      return markBackends(state, object(body));
    case 'DELETE /__sim/zwatch/backends':
      clearMarks(state.world);
      return { status: 200, body: { cleared: true } };
    default:
      if (['/__sim/vms/state', '/__sim/zwatch/backends', '/__sim/zwatch'].includes(path))
        throw new RestError(405, `method ${method} is not allowed on ${path}`);
      return undefined;
  }
}
