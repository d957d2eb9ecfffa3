package dev.blastradius.lang.java.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/** MyBatis XML mappers: statements, dynamic SQL, fragments, result maps, and bad input. */
class MapperXmlTest {

  private static final String DOCTYPE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN"
        "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
      """;

  private static ExtractorTestHelper withUsers() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__users.sql",
            """
            -- expect: ddl users.id, ddl users.email, ddl users.name, ddl users.status, ddl users.created_at
            CREATE TABLE users (id bigint PRIMARY KEY, email text, name text, status text, created_at timestamptz);
            -- expect: ddl orders.id, ddl orders.user_id, ddl orders.total
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
            """);
  }

  private static java.util.List<Access> accessesIn(AnalysisResult result, String file) {
    return result.graph().accesses().stream()
        .filter(a -> a.location().path().endsWith(file))
        .toList();
  }

  @Test
  void positive_ifWhereSetTrimForeachAndBindKeepEveryBranch() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: read users.id, read users.email, read users.status -->
                      <select id="search" resultType="map">
                        <bind name="pattern" value="'%' + email + '%'"/>
                        SELECT id FROM users
                        <where>
                          <if test="email != null">AND email LIKE #{pattern}</if>
                          <if test="status != null">OR status = #{status}</if>
                        </where>
                      </select>

                      <!-- expect: write users.name, write users.status, read users.id -->
                      <update id="update">
                        UPDATE users
                        <set>
                          <if test="name != null">name = #{name},</if>
                          <if test="status != null">status = #{status},</if>
                        </set>
                        WHERE id = #{id}
                      </update>

                      <!-- expect: write users.email, write users.name -->
                      <insert id="insert">
                        INSERT INTO users
                        <trim prefix="(" suffix=")" suffixOverrides=",">
                          <if test="email != null">email,</if>
                          <if test="name != null">name,</if>
                        </trim>
                        <trim prefix="VALUES (" suffix=")" suffixOverrides=",">
                          <if test="email != null">#{email},</if>
                          <if test="name != null">#{name},</if>
                        </trim>
                      </insert>

                      <!-- expect: write users.*, read users.id -->
                      <delete id="deleteAll">
                        DELETE FROM users WHERE id IN
                        <foreach collection="ids" item="id" open="(" separator="," close=")">
                          #{id}
                        </foreach>
                      </delete>

                      <!-- expect: read users.id, read users.status -->
                      <select id="filtered" resultType="long">
                        SELECT id FROM users
                        <trim prefix="WHERE" prefixOverrides="AND |OR ">
                          <if test="status != null">AND status = #{status}</if>
                        </trim>
                      </select>
                    </mapper>
                    """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .allSatisfy(a -> assertThat(a.via()).isEqualTo(Via.MYBATIS))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.CERTAIN));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_insertColumnsInsideIfsMayBeLeftOut() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: write users.email, write users.name, write users.status -->
                      <insert id="insertSelective">
                        INSERT INTO users
                        <trim prefix="(" suffix=")" suffixOverrides=",">
                          email,
                          <if test="name != null">name,</if>
                          <choose><when test="status != null">status,</when><otherwise/></choose>
                        </trim>
                        <trim prefix="VALUES (" suffix=")" suffixOverrides=",">
                          #{email},
                          <if test="name != null">#{name},</if>
                          <choose><when test="status != null">#{status},</when><otherwise/></choose>
                        </trim>
                      </insert>
                    </mapper>
                    """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(Access::inserts)
        .extracting(a -> a.column().column())
        .containsExactly("email");
  }

  @Test
  void negative_insertColumnsOutsideIfsAreAlwaysSupplied() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: write users.email, write users.name, write users.status -->
                      <insert id="insert">
                        INSERT INTO users (email, name, status)
                        VALUES (#{email}, #{name}, <if test="active">'active'</if>'new')
                      </insert>
                      <!-- expect: write users.name, read users.id -->
                      <update id="rename">
                        UPDATE users SET name = #{name} <if test="id != null">WHERE id = #{id}</if>
                      </update>
                    </mapper>
                    """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(a -> a.kind() == dev.blastradius.graph.AccessKind.WRITE)
        .filteredOn(a -> a.location().startLine() == 6)
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.inserts()).isTrue());
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(a -> a.location().startLine() == 11)
        .noneSatisfy(a -> assertThat(a.inserts()).isTrue());
  }

  @Test
  void positive_chooseBranchesAreEachRendered() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: read users.id, read users.name, read users.email, read users.created_at -->
                      <select id="list" resultType="long">
                        SELECT id FROM users
                        <choose>
                          <when test="sort == 'name'">ORDER BY name</when>
                          <when test="sort == 'email'">ORDER BY email</when>
                          <otherwise>ORDER BY created_at</otherwise>
                        </choose>
                      </select>
                    </mapper>
                    """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(result.coverage().sql().statements()).isEqualTo(1 + 2);
  }

  @Test
  void positive_ifsThatOnlyParseAloneAreTriedOneByOne() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: read users.id, read users.name, read users.email -->
                      <select id="list" resultType="long">
                        SELECT id FROM users
                        <if test="byName">WHERE name = #{value}</if>
                        <if test="byEmail">WHERE email = #{value}</if>
                      </select>
                    </mapper>
                    """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void positive_fragmentsAcrossMappersWithProperties() {
    withUsers()
        .source(
            "src/main/resources/mapper/CommonMapper.xml",
            DOCTYPE
                + """
                <mapper namespace="com.acme.CommonMapper">
                  <sql id="userColumns">${alias}.id, ${alias}.email</sql>
                  <sql id="byStatus">WHERE <include refid="statusColumn"/> = #{status}</sql>
                  <sql id="statusColumn">status</sql>
                </mapper>
                """)
        .source(
            "src/main/resources/mapper/OrderMapper.xml",
            DOCTYPE
                + """
                <mapper namespace="com.acme.OrderMapper">
                  <!-- expect: read users.id, read users.email, read orders.total, read orders.user_id -->
                  <select id="withUser" resultType="map">
                    SELECT o.total,
                      <include refid="com.acme.CommonMapper.userColumns">
                        <property name="alias" value="u"/>
                      </include>
                    FROM orders o JOIN users u ON u.id = o.user_id
                  </select>
                  <!-- expect: read users.id, read users.status -->
                  <select id="ids" resultType="long">
                    SELECT id FROM users <include refid="com.acme.CommonMapper.byStatus"/>
                  </select>
                </mapper>
                """)
        .doTest();
  }

  @Test
  void positive_resultMapColumnsAreReadAndNestedSelectsCalled() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <resultMap id="base" type="User">
                        <id property="id" column="id"/>
                      </resultMap>
                      <resultMap id="user" type="User" extends="base">
                        <result property="email" column="email"/>
                        <association property="orders" column="id" select="ordersOf"/>
                      </resultMap>
                      <!-- expect: read users.id @http, read users.email @http, read users.name @http, read users.status @http, read users.created_at @http -->
                      <select id="find" resultMap="user">
                        SELECT * FROM users WHERE id = #{id}
                      </select>
                      <!-- expect: read orders.user_id @http, read orders.id @http, read orders.total @http -->
                      <select id="ordersOf" resultType="Order">
                        SELECT * FROM orders WHERE user_id = #{id}
                      </select>
                      <resultMap id="profile" type="Profile">
                        <result property="bio" column="bio"/>
                      </resultMap>
                      <!-- expect: read profiles.bio @none, read profiles.* @none -->
                      <select id="profile" resultMap="profile">SELECT * FROM profiles</select>
                    </mapper>
                    """)
            .source(
                "src/main/java/com/acme/UserMapper.java",
                """
                package com.acme;

                interface UserMapper {
                  User find(long id);
                }
                """)
            .source(
                "src/main/java/com/acme/UserController.java",
                """
                package com.acme;

                import org.springframework.web.bind.annotation.*;

                @RestController
                class UserController {
                  private final UserMapper mapper;

                  UserController(UserMapper mapper) { this.mapper = mapper; }

                  @GetMapping("/users/{id}")
                  User get(@PathVariable long id) { return mapper.find(id); }
                }
                """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(a -> a.column().displayName().equals("users.email"))
        .singleElement()
        .satisfies(a -> assertThat(a.implicit()).isFalse());
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(a -> a.column().displayName().equals("users.name"))
        .singleElement()
        .satisfies(a -> assertThat(a.implicit()).isTrue());
    assertThat(accessesIn(result, "UserMapper.xml"))
        .filteredOn(a -> a.column().displayName().equals("profiles.bio"))
        .singleElement()
        .satisfies(a -> assertThat(a.confidence()).isEqualTo(Confidence.LIKELY));
  }

  @Test
  void positive_dollarSubstitutionIsPossible() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: read users.id, read users.email -->
                      <select id="sorted" resultType="map">
                        SELECT id, email FROM users ORDER BY ${orderBy}
                      </select>
                      <!-- expect: none -->
                      <select id="anyTable" resultType="map">SELECT * FROM ${table}</select>
                      <!-- expect: none -->
                      <select id="partitioned" resultType="map">SELECT id FROM users${suffix}</select>
                      <!-- expect: read users.id, read users.email -->
                      <select id="inSchema" resultType="map">
                        SELECT id FROM ${schema}.users WHERE <include refid="byEmail"/>
                      </select>
                      <sql id="byEmail">email = #{email}</sql>
                    </mapper>
                    """)
            .doTest();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }

  @Test
  void positive_aLoneDollarClauseIsLeftOutAndTheRestRead() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: read users.id, read users.email, read users.status, read orders.total, read orders.user_id -->
                      <select id="visible" resultType="map">
                        SELECT u.id, u.email, o.total FROM users u LEFT JOIN orders o ON o.user_id = u.id
                        WHERE u.status = 'active'
                        <if test="email != null">AND u.email = #{email}</if>
                        ${params.dataScope}
                      </select>
                      <!-- expect: read users.name -->
                      <select id="scoped" resultType="map">
                        SELECT name FROM users ${filter} ORDER BY name
                      </select>
                    </mapper>
                    """)
            .doTest();
    assertThat(result.problems()).isEmpty();
    assertThat(accessesIn(result, "UserMapper.xml"))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }

  @Test
  void negative_aLoneDollarClauseThatLeavesBrokenSqlIsStillAProblem() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.UserMapper">
                      <!-- expect: none -->
                      <select id="whereOnly" resultType="map">
                        SELECT id FROM users WHERE ${condition} ${more}
                      </select>
                      <!-- expect: read users.id -->
                      <select id="operand" resultType="map">
                        SELECT id FROM users WHERE id = ${id}
                      </select>
                    </mapper>
                    """)
            .doTest();
    assertThat(result.problems()).extracting(AnalysisProblem::line).containsExactly(6);
  }

  @Test
  void positive_selectKeyIsPartOfTheInsert() {
    withUsers()
        .source(
            "src/main/resources/mapper/OrderMapper.xml",
            DOCTYPE
                + """
                <mapper namespace="com.acme.OrderMapper">
                  <!-- expect: write orders.id, write orders.user_id, write orders.total -->
                  <insert id="insert">
                    <!-- expect: read orders.id -->
                    <selectKey keyProperty="id" resultType="long" order="BEFORE">
                      SELECT max(id) + 1 FROM orders
                    </selectKey>
                    INSERT INTO orders (id, user_id, total) VALUES (#{id}, #{userId}, #{total})
                  </insert>
                </mapper>
                """)
        .doTest();
  }

  @Test
  void positive_callableStatementsAndCdataReachRoutines() {
    withUsers()
        .migration(
            "V2__routine.sql",
            """
            -- expect: none
            CREATE FUNCTION expire_user(p_id bigint) RETURNS void LANGUAGE sql AS $$
              -- expect: write users.status @cron, read users.id @cron
              UPDATE users SET status = 'expired' WHERE id = p_id;
            $$;
            """)
        .source(
            "src/main/resources/mapper/UserMapper.xml",
            DOCTYPE
                + """
                <mapper namespace="com.acme.UserMapper">
                  <!-- expect: none -->
                  <update id="expire" statementType="CALLABLE">{call expire_user(#{id})}</update>
                  <!-- expect: read users.id @none, read users.name @none -->
                  <select id="before" resultType="long"><![CDATA[
                    SELECT id FROM users WHERE name < #{name}
                  ]]></select>
                </mapper>
                """)
        .source(
            "src/main/java/com/acme/UserMapper.java",
            """
            package com.acme;

            import org.springframework.scheduling.annotation.Scheduled;

            interface UserMapper {
              void expire(long id);
            }

            class Expiry {
              private UserMapper users;

              @Scheduled(cron = "0 0 1 * * *")
              void run() { users.expire(1L); }
            }
            """)
        .doTest();
  }

  @Test
  void positive_statementsAreReachedThroughInterfacesAndSessions() {
    withUsers()
        .source(
            "src/main/resources/mapper/UserMapper.xml",
            DOCTYPE
                + """
                <mapper namespace="com.acme.users.UserMapper">
                  <!-- expect: read users.email @http, read users.id @http -->
                  <select id="email" resultType="string">SELECT email FROM users WHERE id = #{id}</select>
                  <!-- expect: write users.status @cron -->
                  <update id="expireAll">UPDATE users SET status = 'expired'</update>
                  <!-- expect: read users.name @none -->
                  <select id="unused" resultType="string">SELECT name FROM users</select>
                </mapper>
                """)
        .source(
            "src/main/java/com/acme/users/UserMapper.java",
            """
            package com.acme.users;

            public interface UserMapper {
              String email(long id);
              String unused();
            }
            """)
        .source(
            "src/main/java/com/acme/web/UserController.java",
            """
            package com.acme.web;

            import com.acme.users.UserMapper;
            import org.springframework.web.bind.annotation.*;

            @RestController
            class UserController {
              private final UserMapper users;

              UserController(UserMapper users) { this.users = users; }

              @GetMapping("/users/{id}/email")
              String email(@PathVariable long id) { return users.email(id); }
            }
            """)
        .source(
            "src/main/java/com/acme/jobs/ExpiryJob.java",
            """
            package com.acme.jobs;

            import org.apache.ibatis.session.SqlSession;
            import org.springframework.scheduling.annotation.Scheduled;

            class ExpiryJob {
              private static final String NS = "com.acme.users.UserMapper.";
              private final SqlSession session;

              ExpiryJob(SqlSession session) { this.session = session; }

              @Scheduled(cron = "0 0 3 * * *")
              void expire() { session.update(NS + "expireAll"); }
            }
            """)
        .doTest();
  }

  @Test
  void negative_otherXmlFilesAreLeftAlone() {
    AnalysisResult result =
        withUsers()
            .source(
                "pom.xml",
                """
                <project>
                  <!-- expect: none -->
                  <description>SELECT name FROM users</description>
                </project>
                """)
            .source(
                "src/main/resources/mybatis-config.xml",
                """
                <configuration>
                  <mappers>
                    <!-- expect: none -->
                    <mapper resource="mapper/UserMapper.xml"/>
                  </mappers>
                </configuration>
                """)
            .source(
                "src/main/resources/broken-but-not-a-mapper.xml",
                """
                <beans>
                  <!-- expect: none -->
                  <bean id="mapperScanner"><unclosed>
                </beans>
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_theDoctypeIsNeverFetched() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/UserMapper.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE mapper SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
                <mapper namespace="com.acme.UserMapper">
                  <!-- expect: read users.name -->
                  <select id="names" resultType="string">SELECT name FROM users</select>
                </mapper>
                """)
            .doTest();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void negative_externalEntitiesAreNeverResolved() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/Hostile.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE mapper [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <mapper namespace="com.acme.Hostile">
                  <!-- expect: none -->
                  <select id="leak">SELECT name FROM users WHERE name = '&secret;'</select>
                </mapper>
                """)
            .doTest();
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.cause()).contains("MyBatis mapper not read"));
  }

  @Test
  void negative_badMappersAreProblemsNotSilence() {
    AnalysisResult result =
        withUsers()
            .source(
                "src/main/resources/mapper/Broken.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.Broken">
                      <!-- expect: none -->
                      <select id="names" resultType="string">SELECT name FROM users WHERE a < b</select>
                    </mapper>
                    """)
            .source(
                "src/main/resources/mapper/NoNamespace.xml",
                """
                <mapper>
                  <!-- expect: none -->
                  <select id="names" resultType="string">SELECT name FROM users</select>
                </mapper>
                """)
            .source(
                "src/main/resources/mapper/MissingInclude.xml",
                DOCTYPE
                    + """
                    <mapper namespace="com.acme.Missing">
                      <!-- expect: read users.id -->
                      <select id="ids">SELECT id FROM users <include refid="nowhere"/></select>
                      <!-- expect: none -->
                      <select>SELECT email FROM users</select>
                    </mapper>
                    """)
            .doTest();
    assertThat(result.problems())
        .extracting(AnalysisProblem::path, AnalysisProblem::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("src/main/resources/mapper/Broken.xml", 6),
            org.assertj.core.groups.Tuple.tuple("src/main/resources/mapper/NoNamespace.xml", 1),
            org.assertj.core.groups.Tuple.tuple("src/main/resources/mapper/MissingInclude.xml", 6),
            org.assertj.core.groups.Tuple.tuple("src/main/resources/mapper/MissingInclude.xml", 8));
    assertThat(result.problems())
        .extracting(AnalysisProblem::cause)
        .anySatisfy(c -> assertThat(c).contains("not well-formed"))
        .anySatisfy(c -> assertThat(c).contains("without a namespace"))
        .anySatisfy(c -> assertThat(c).contains("refid=\"nowhere\""))
        .anySatisfy(c -> assertThat(c).contains("without an id"));
    assertThat(accessesIn(result, "MissingInclude.xml"))
        .allSatisfy(a -> assertThat(a.confidence()).isEqualTo(Confidence.POSSIBLE));
  }
}
