package dev.blastradius.lang.java.link;

import dev.blastradius.lang.java.StringTemplate;
import dev.blastradius.source.Location;
import java.util.List;

/**
 * A method call on a receiver of a known declared type, kept until linking: it may turn out to be a
 * Spring Data repository, an {@code EntityManager}, or an entity setter.
 *
 * @param receiverType the simple name of the receiver's declared type
 * @param arguments what each argument is, as far as we can tell
 * @param transactional whether the calling method runs in a transaction ({@code @Transactional} on
 *     it or its class), so entity setters are written back by dirty checking
 * @param returnedTo the declared type the call's result is assigned to, or null
 * @param receiverParameter whether the receiver is a parameter of the calling method (an entity
 *     handed in may be detached, e.g. a request body, so its association getters load nothing)
 */
public record DataCall(
    String unitId,
    Location location,
    String snippet,
    String receiverType,
    String method,
    List<Argument> arguments,
    boolean transactional,
    String returnedTo,
    boolean receiverParameter) {

  public DataCall {
    arguments = List.copyOf(arguments);
  }

  /**
   * One argument.
   *
   * @param classLiteral for {@code User.class}, the class's simple name, else null
   * @param declaredType the declared type of a variable argument, else null
   * @param text the folded string value, else null
   */
  public record Argument(String classLiteral, String declaredType, StringTemplate text) {}
}
