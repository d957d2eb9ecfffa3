package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The field lists Django reads and saves through: DRF model serializers, model forms, django-filter
 * filter sets and the admin (model admins, inlines and the default admin).
 */
class DjangoFormsAdminTest {

  static final String MODELS =
      """
      from django.db import models


      class Author(models.Model):
          name = models.CharField(max_length=50)

          class Meta:
              db_table = "authors"


      class Book(models.Model):
          author = models.ForeignKey(Author, on_delete=models.CASCADE)
          title = models.CharField(max_length=100)
          isbn = models.CharField(max_length=13)

          class Meta:
              db_table = "books"
      """;

  static ExtractorTestHelper library() {
    return ExtractorTestHelper.create()
        .source("library/__init__.py", "")
        .source("library/models.py", MODELS);
  }

  @Test
  void positive_serializersFormsAndFilterSets() {
    AnalysisResult result =
        library()
            .source(
                "library/serializers.py",
                """
                from rest_framework import serializers
                from django import forms
                import django_filters
                from .models import Book


                class BookSerializer(serializers.ModelSerializer):
                    # expect: read authors.name, read books.author_id
                    author_name = serializers.CharField(source="author.name")

                    class Meta:
                        model = Book
                        # expect: read books.title, read books.isbn, write books.title
                        fields = ["title", "isbn", "author_name"]
                        read_only_fields = ["isbn"]


                class FullBookSerializer(serializers.ModelSerializer):
                    class Meta:
                        model = Book
                        # expect: read books.id, read books.author_id, read books.title, read books.isbn, write books.author_id, write books.title, write books.isbn
                        fields = "__all__"


                class BookForm(forms.ModelForm):
                    class Meta:
                        model = Book
                        # expect: read books.id, read books.author_id, read books.title, write books.author_id, write books.title
                        exclude = ["isbn"]


                class BookFilter(django_filters.FilterSet):
                    class Meta:
                        model = Book
                        # expect: read books.title, read authors.name, read books.author_id
                        fields = {"title": ["exact"], "author__name": ["icontains"]}
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.column().column().equals("title") && a.kind() == AccessKind.WRITE)
        .extracting(Access::confidence)
        .containsOnly(Confidence.LIKELY);
  }

  @Test
  void positive_adminClassesInlinesAndDefaultAdmin() {
    AnalysisResult result =
        library()
            .source(
                "library/admin.py",
                """
                from django.contrib import admin
                from .models import Author, Book


                # expect: read books.id, read books.author_id, read books.title, read books.isbn
                class BookInline(admin.TabularInline):
                    model = Book
                    # expect: read books.title, write books.title
                    fields = ["title"]


                @admin.register(Book)
                # expect: read books.id @admin, read books.author_id, read books.title, read books.isbn
                class BookAdmin(admin.ModelAdmin):
                    # expect: read books.title, read authors.name, read books.author_id
                    list_display = ("title", "author__name")
                    # expect: read books.isbn
                    search_fields = ["=isbn"]
                    # expect: read books.isbn
                    readonly_fields = ["isbn"]
                    # expect: read books.title, write books.title
                    fields = ["title", "isbn"]


                # expect: read authors.id @admin, read authors.name, write authors.name
                class AuthorAdmin(admin.ModelAdmin):
                    inlines = [BookInline]


                admin.site.register(Author, AuthorAdmin)
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().toString().endsWith("admin.py"))
        .filteredOn(a -> a.kind() == AccessKind.WRITE)
        .allSatisfy(a -> assertThat(a.entryPoints()).isNotEmpty());
    assertThat(result.graph().accesses())
        .filteredOn(a -> a.location().path().toString().endsWith("admin.py"))
        .flatExtracting(Access::entryPoints)
        .extracting(e -> e.name())
        .containsOnly("BookAdmin (Book)", "AuthorAdmin (Author)");
  }

  @Test
  void positive_adminWithASubscriptedModelAdminBase() {
    library()
        .source(
            "library/admin.py",
            """
            from django.contrib import admin
            from django.contrib.admin import ModelAdmin
            from .models import Book


            @admin.register(Book)
            # expect: read books.id @admin, read books.author_id, read books.title, read books.isbn, write books.author_id, write books.title, write books.isbn
            class BookAdmin(ModelAdmin[Book]):
                # expect: read books.title
                list_display = ("title",)


            # expect: none
            class NotRegistered(ModelAdmin[Book]):
                list_display = ["isbn"]
            """)
        .doTest();
  }

  @Test
  void positive_defaultAdminReadsAndWritesEveryColumn() {
    AnalysisResult result =
        library()
            .source(
                "library/admin.py",
                """
            from django.contrib import admin
            from .models import Author, Book

            # expect: read authors.id @admin, read authors.name, write authors.name, read books.id, read books.author_id, read books.title, read books.isbn, write books.author_id, write books.title, write books.isbn
            admin.site.register([Author, Book])
            """)
            .doTest();
    assertThat(result.graph().accesses())
        .flatExtracting(Access::entryPoints)
        .extracting(e -> e.name())
        .containsOnly("default admin (Author, Book)");
  }

  @Test
  void negative_plainSerializersFormsAndUnregisteredAdminsAreNoAccesses() {
    library()
        .source(
            "library/other.py",
            """
            # expect: none
            from rest_framework import serializers
            from django import forms
            from django.contrib import admin
            from .models import Book


            class PlainSerializer(serializers.Serializer):
                title = serializers.CharField()

                class Meta:
                    model = Book
                    fields = ["title"]


            class SearchForm(forms.Form):
                title = forms.CharField()


            class NotRegistered(admin.ModelAdmin):
                list_display = ["title"]


            class ModelSerializer:
                pass


            class Mine(ModelSerializer):
                class Meta:
                    model = Book
                    fields = ["title"]
            """)
        .doTest();
  }
}
