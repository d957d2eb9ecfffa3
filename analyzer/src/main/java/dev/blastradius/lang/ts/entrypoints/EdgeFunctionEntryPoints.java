package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Supabase Edge Functions: {@code supabase/functions/<name>/index.ts} serves requests with {@code
 * Deno.serve(handler)} (or {@code serve(handler)} from Deno's std library). The entry point is
 * {@code http edge function <name>}, a {@code webhook} when the name says so or the handler checks
 * a signature.
 */
public final class EdgeFunctionEntryPoints implements TsAdapter {

  @Override
  public void call(TsCall call, TsSite site) {
    String name = functionName(site.path());
    if (name == null || call.isNew()) {
      return;
    }
    CallChain chain = call.chain();
    boolean serve =
        (chain.rootText().equals("Deno") && chain.names().equals(List.of("serve")))
            || (chain.rootText().equals("serve") && chain.links().size() == 1);
    if (!serve || chain.last() == null) {
      return;
    }
    List<TsNode> handlers = new ArrayList<>();
    for (TsNode argument : chain.last().arguments()) {
      String type = TsSource.type(TsSource.unwrap(argument));
      if (!type.equals("object")) {
        handlers.add(argument);
      }
    }
    boolean signed =
        handlers.stream().anyMatch(h -> site.callsWithin(h, RoutePaths.SIGNATURE_CHECKS))
            || site.calls(RoutePaths.SIGNATURE_CHECKS);
    EntryPointKind kind = RoutePaths.kind("/" + name, signed);
    site.registration(
        new EntryPoint(
            kind == EntryPointKind.CRON ? EntryPointKind.HTTP : kind,
            "edge function " + name,
            site.source().location(call.node())),
        call.node(),
        handlers);
  }

  /** The function's name for a file under {@code supabase/functions/<name>/}, else null. */
  static String functionName(String path) {
    int at = path.indexOf("supabase/functions/");
    if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
      return null;
    }
    String rest = path.substring(at + "supabase/functions/".length());
    int slash = rest.indexOf('/');
    return slash <= 0 || rest.startsWith("_") ? null : rest.substring(0, slash);
  }
}
