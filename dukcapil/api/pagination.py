from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class QueuePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "Halaman tidak ditemukan."

    def get_page_size(self, request):
        """An explicit page_size must be a whole number 1..max_page_size: 400 otherwise, never silently the default."""
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        if not (given.isascii() and given.isdigit() and 1 <= int(given) <= self.max_page_size):
            raise ValidationError(
                {self.page_size_query_param: [f"Harus bilangan bulat 1 sampai {self.max_page_size}."]}
            )
        return int(given)

    def get_page_number(self, request, paginator):
        """An explicit page must be a whole number from 1 (or «last»): an empty or other value is a 400."""
        given = request.query_params.get(self.page_query_param)
        if given is not None and given not in self.last_page_strings and not (given.isascii() and given.isdigit()):
            raise ValidationError({self.page_query_param: ["Harus bilangan bulat mulai 1."]})
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
            elif parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters
