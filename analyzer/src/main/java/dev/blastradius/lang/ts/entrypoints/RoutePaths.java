package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPointKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Route paths of file-system routers (Next.js {@code app/} and {@code pages/}) and how a route's
 * path and handler decide its entry-point kind: {@code webhook} when the path says so or the
 * handler checks a signature, {@code cron} under a {@code cron} segment, {@code admin} under an
 * {@code admin} segment, else {@code http}.
 */
public final class RoutePaths {

  /**
   * Calls that verify a webhook's signature (Stripe, Svix/Clerk, Shopify, Twilio, GitHub, HMAC).
   */
  public static final Set<String> SIGNATURE_CHECKS =
      Set.of(
          "constructEvent",
          "constructEventAsync",
          "verifyWebhook",
          "verifySignature",
          "verifyHeader",
          "verifyWebhookSignature",
          "validateRequest",
          "validateWebhook",
          "timingSafeEqual",
          "Webhook");

  private RoutePaths() {}

  /**
   * The route of a file under a Next.js {@code app/} directory ({@code /api/users/[id]}), or null
   * when the file is not under one or sits in a private folder. Route groups and slots are left
   * out.
   */
  public static String appRoute(String path) {
    return route(path, "app", false);
  }

  /**
   * The route of a file under {@code pages/} ({@code pages/api/users/index.ts} → {@code
   * /api/users}).
   */
  public static String pagesRoute(String path) {
    return route(path, "pages", true);
  }

  private static String route(String path, String root, boolean fileIsSegment) {
    List<String> segments = List.of(path.split("/"));
    int start = segments.indexOf(root);
    if (start < 0) {
      return null;
    }
    List<String> route = new ArrayList<>();
    int end = segments.size() - (fileIsSegment ? 0 : 1);
    for (int i = start + 1; i < end; i++) {
      String segment = segments.get(i);
      if (i == segments.size() - 1) {
        segment =
            segment.substring(
                0, segment.indexOf('.') < 0 ? segment.length() : segment.indexOf('.'));
        if (segment.equals("index")) {
          continue;
        }
      }
      if (segment.startsWith("_")) {
        return null;
      }
      if ((segment.startsWith("(") && segment.endsWith(")")) || segment.startsWith("@")) {
        continue;
      }
      route.add(segment);
    }
    return "/" + String.join("/", route);
  }

  /** The kind of a route by its path alone; {@code verifiesSignature} makes it a webhook. */
  public static EntryPointKind kind(String route, boolean verifiesSignature) {
    String lower = route.toLowerCase(Locale.ROOT);
    if (verifiesSignature || lower.contains("webhook")) {
      return EntryPointKind.WEBHOOK;
    }
    List<String> segments = List.of(lower.split("/"));
    if (segments.contains("cron") || segments.contains("crons")) {
      return EntryPointKind.CRON;
    }
    if (segments.contains("admin")) {
      return EntryPointKind.ADMIN;
    }
    return EntryPointKind.HTTP;
  }
}
