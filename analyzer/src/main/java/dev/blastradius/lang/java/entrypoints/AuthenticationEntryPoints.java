package dev.blastradius.lang.java.entrypoints;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.java.EntryPointAdapter;
import dev.blastradius.lang.java.JavaSite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Code the security framework calls while it authenticates an HTTP request, which no source call
 * leads to: Spring Security's {@code UserDetailsService.loadUserByUsername}, {@code
 * ReactiveUserDetailsService.findByUsername}, {@code UserDetailsPasswordService.updatePassword},
 * {@code AuthenticationProvider.authenticate} and {@code OAuth2UserService.loadUser}, and Apache
 * Shiro realms' {@code doGetAuthenticationInfo}/{@code doGetAuthorizationInfo}. They are {@code
 * http} entry points: a login (or any authenticated request) runs them.
 */
public final class AuthenticationEntryPoints implements EntryPointAdapter {

  private record Hook(String framework, List<String> methods) {}

  private static final List<String> SHIRO_REALM =
      List.of("doGetAuthenticationInfo", "doGetAuthorizationInfo");

  private static final Map<String, Hook> SUPERTYPES =
      Map.of(
          "UserDetailsService", new Hook("spring-security", List.of("loadUserByUsername")),
          "ReactiveUserDetailsService", new Hook("spring-security", List.of("findByUsername")),
          "UserDetailsPasswordService", new Hook("spring-security", List.of("updatePassword")),
          "AuthenticationProvider", new Hook("spring-security", List.of("authenticate")),
          "OAuth2UserService", new Hook("spring-security", List.of("loadUser")),
          "AuthorizingRealm", new Hook("shiro", SHIRO_REALM),
          "AuthenticatingRealm", new Hook("shiro", List.of("doGetAuthenticationInfo")));

  @Override
  public List<EntryPoint> entryPoints(
      MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    if (!(owner instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()) {
      return List.of();
    }
    Optional<Hook> hook =
        Stream.concat(
                declaration.getExtendedTypes().stream(), declaration.getImplementedTypes().stream())
            .map(ClassOrInterfaceType::getNameAsString)
            .map(SUPERTYPES::get)
            .filter(h -> h != null && h.methods().contains(method.getNameAsString()))
            .findFirst();
    return hook.map(
            h ->
                List.of(
                    new EntryPoint(
                        EntryPointKind.HTTP,
                        h.framework()
                            + " "
                            + owner.getNameAsString()
                            + "."
                            + method.getNameAsString(),
                        site.location(method.getName()))))
        .orElse(List.of());
  }
}
