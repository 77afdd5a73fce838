from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class QueuePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "Halaman tidak ditemukan."

    def get_page_size(self, request):
        """A page_size that is not a whole number of at least 1 is refused (400), not ignored."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None:
            try:
                value = int(raw)
            except ValueError:
                value = 0
            if value < 1:
                raise ValidationError(
                    {self.page_size_query_param: [f"Harus bilangan bulat 1 sampai {self.max_page_size}."]}
                )
        return super().get_page_size(request)
