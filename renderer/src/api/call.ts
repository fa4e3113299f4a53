import {
  contract,
  type ApiResult,
  type CallInput,
  type CallName,
  type CallOutput,
} from '../../../shared/contract';
import { TRANSPORT_ERRORS } from './messages';
import { send } from './transport';

/**
 * Makes one typed call. The answer is checked against the contract's output
 * schema, so the rest of the renderer can trust its shape. Never throws.
 */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<ApiResult<CallOutput<N>>> {
  const result = await send(name, input);
  if (!result.ok) return result;
  const parsed = contract[name].output.safeParse(result.value);
  if (!parsed.success) return { ok: false, error: { ...TRANSPORT_ERRORS.badAnswer } };
  return { ok: true, value: parsed.data as CallOutput<N> };
}
