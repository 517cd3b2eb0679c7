/**
 * Real Vietnamese words and phrases from provincial news writing, the raw material of
 * the synthetic corpus. Sentences built from them are not meaningful, but they have the
 * syllable lengths, diacritics and byte sizes of real Báo Quảng Ngãi articles.
 */

/** Section folder names, as a newsroom export would file them. */
export const sections = [
  'thoi-su', 'kinh-te', 'xa-hoi', 'van-hoa', 'the-thao', 'giao-duc', 'y-te', 'phap-luat',
  'quoc-phong-an-ninh', 'nong-nghiep', 'du-lich', 'moi-truong', 'khoa-hoc-cong-nghe', 'doi-song',
  'ban-doc', 'quoc-te', 'chinh-tri', 'xay-dung-dang', 'lao-dong-viec-lam', 'giao-thong', 'bien-dao',
  'dan-toc-mien-nui', 'phong-su', 'goc-nhin', 'nhip-cau-nhan-ai', 'van-nghe', 'suc-khoe',
  'doanh-nghiep', 'dau-tu', 'do-thi', 'thanh-nien', 'phu-nu',
] as const;

/** Upper-case pen names as they appear in bylines. */
export const authors = [
  'X.THIÊN', 'BẢO ANH', 'MINH HOÀNG', 'THANH HẢI', 'VĂN LINH', 'NGỌC DIỆP', 'PHẠM LINH', 'M.HOA',
  'MAI HOA', 'THANH NHỊ', 'TRƯỜNG GIANG', 'HIỀN THU', 'TRANG THY', 'NGUYỄN TRANG', 'TRỊNH VŨ',
  'THANH THUẬN', 'ĐỨC NHẬT', 'THU HIỀN', 'Y THU', 'T.PHƯƠNG', 'KIM NGÂN', 'NGỌC KHÁNH',
  'LAM NGUYÊN', 'PHƯƠNG LÝ', 'HÀ PHƯƠNG', 'ĐĂNG SÁNG', 'MINH THU', 'HUỲNH NHƯ', 'THÀNH CHUNG',
  'VIẾT HIỀN', 'TẤN THÀNH', 'QUANG HẢI', 'Đ.HẢI', 'TRIỀU NGUYÊN', 'THIÊN PHÚC', 'BẢO BẢO', 'ANH THƯ',
  'HOÀNG TRỌNG', 'NGUYỄN HOÀNG', 'TIẾN HẢI',
] as const;

/** Who does something: the grammatical subject of most news sentences. */
export const subjects = [
  'UBND tỉnh', 'Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy', 'HĐND tỉnh', 'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài nguyên và Môi trường',
  'Sở Kế hoạch và Đầu tư', 'Sở Giao thông vận tải', 'Công an tỉnh', 'Bộ đội Biên phòng tỉnh',
  'Ủy ban MTTQ Việt Nam tỉnh', 'Tỉnh đoàn', 'Hội Nông dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh',
  'Liên đoàn Lao động tỉnh', 'Đảng ủy Khối các cơ quan tỉnh', 'Ban Quản lý Khu kinh tế Dung Quất',
  'huyện Bình Sơn', 'huyện Sơn Tịnh', 'huyện Tư Nghĩa', 'huyện Nghĩa Hành', 'huyện Mộ Đức',
  'thị xã Đức Phổ', 'huyện Ba Tơ', 'huyện Minh Long', 'huyện Sơn Hà', 'huyện Sơn Tây', 'huyện Trà Bồng',
  'huyện đảo Lý Sơn', 'thành phố Quảng Ngãi', 'chính quyền địa phương', 'người dân', 'nông dân',
  'ngư dân', 'bà con', 'các doanh nghiệp', 'nhiều hộ gia đình', 'các hợp tác xã', 'ngành giáo dục',
  'ngành y tế', 'ngành nông nghiệp', 'lực lượng chức năng', 'đoàn viên thanh niên', 'các cơ sở đảng',
  'cán bộ, đảng viên', 'giáo viên và học sinh', 'các nhà đầu tư', 'Nhà máy Lọc dầu Dung Quất',
  'Bệnh viện Đa khoa tỉnh', 'Trường THPT chuyên Lê Khiết', 'Ngân hàng Chính sách xã hội tỉnh',
] as const;

/** What they do. */
export const verbs = [
  'đẩy mạnh', 'triển khai', 'tập trung', 'hỗ trợ', 'nâng cao', 'xây dựng', 'thực hiện', 'khắc phục',
  'phát triển', 'tổ chức', 'kiểm tra', 'hướng dẫn', 'chỉ đạo', 'tăng cường', 'đầu tư', 'đổi mới',
  'rà soát', 'tuyên truyền', 'vận động', 'duy trì', 'mở rộng', 'khảo sát', 'đánh giá', 'giám sát',
  'hoàn thành', 'bàn giao', 'khởi công', 'tháo gỡ', 'chuẩn bị', 'ưu tiên', 'bảo đảm', 'phối hợp',
  'cải thiện', 'bảo tồn', 'chăm lo', 'gieo sạ', 'thu hoạch', 'tiêu thụ', 'khuyến khích', 'xử lý',
] as const;

/** What they act on. */
export const objects = [
  'công tác xây dựng Đảng', 'hiệu quả sản xuất', 'cơ sở hạ tầng', 'đời sống nhân dân', 'vụ Đông Xuân',
  'vụ Hè Thu', 'chương trình mục tiêu quốc gia', 'xây dựng nông thôn mới', 'cải cách hành chính',
  'chuyển đổi số', 'công tác phòng, chống thiên tai', 'an toàn giao thông', 'an toàn thực phẩm',
  'kỷ luật, kỷ cương hành chính', 'các dự án trọng điểm', 'giải phóng mặt bằng', 'nguồn vốn tín dụng',
  'giống lúa ngắn ngày', 'cây keo nguyên liệu', 'rừng phòng hộ', 'nghề cá', 'tàu cá', 'sản phẩm OCOP',
  'du lịch biển đảo', 'di tích lịch sử', 'văn hóa truyền thống', 'chất lượng giáo dục', 'cơ sở vật chất',
  'trường học vùng sâu, vùng xa', 'khám, chữa bệnh', 'bảo hiểm y tế', 'tiêm chủng mở rộng',
  'việc làm cho lao động nông thôn', 'hộ nghèo', 'nhà ở cho người có công', 'môi trường đầu tư',
  'thu hút đầu tư', 'hạ tầng khu công nghiệp', 'kênh mương nội đồng', 'đê kè ven sông', 'nước sạch',
  'chủ quyền biển đảo', 'an ninh trật tự', 'tội phạm ma túy', 'khai thác cát trái phép',
  'ô nhiễm môi trường', 'rác thải sinh hoạt', 'đất đai', 'đường giao thông nông thôn', 'lễ hội',
  'phong trào thể dục, thể thao', 'các nghị quyết của Đảng', 'tinh thần trách nhiệm', 'dân chủ ở cơ sở',
] as const;

/** Where, when and how: closes a clause. */
export const adverbials = [
  'trong thời gian qua', 'trên địa bàn tỉnh', 'từ đầu năm đến nay', 'theo đúng kế hoạch',
  'một cách hiệu quả', 'trong năm nay', 'ở các xã miền núi', 'tại các xã ven biển', 'trong thời gian đến',
  'ngay từ đầu vụ', 'trước mùa mưa bão', 'sau Tết Nguyên đán', 'ở vùng đồng bào dân tộc thiểu số',
  'dọc tuyến Quốc lộ 1', 'tại Khu kinh tế Dung Quất', 'ở huyện đảo Lý Sơn', 'trên sông Trà Khúc',
  'tại cảng cá Sa Huỳnh', 'trong giai đoạn 2021 - 2025', 'theo hướng bền vững', 'một cách đồng bộ',
  'với nhiều giải pháp thiết thực', 'đúng quy định của pháp luật', 'sát với thực tế',
] as const;

/** Sentence openers. */
export const connectors = [
  'Bên cạnh đó,', 'Đồng thời,', 'Theo đó,', 'Ngoài ra,', 'Trong khi đó,', 'Tuy nhiên,', 'Thời gian qua,',
  'Năm nay,', 'Hiện nay,', 'Đặc biệt,', 'Nhờ vậy,', 'Qua đó,', 'Để làm được điều này,',
] as const;

/** Measured quantities that follow a number. */
export const units = [
  'ha lúa', 'hộ dân', 'tỷ đồng', 'triệu đồng', 'đảng viên', 'học sinh', 'tấn tỏi', 'lao động',
  'tàu cá', 'km đường', 'phòng học', 'lượt khách', 'ha rừng', 'con bò', 'hồ sơ', 'doanh nghiệp',
] as const;

export const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Trương', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'] as const;
/** Men's middle names; women's is `Thị`. */
export const middleNames = ['Văn', 'Quang', 'Minh', 'Thanh', 'Ngọc', 'Đức', 'Hữu', 'Công'] as const;
export const givenNames = ['Hải', 'Lan', 'Tưởng', 'Bảy', 'Hùng', 'Dũng', 'Hòa', 'Nga', 'Tâm', 'Phúc', 'Sơn', 'Thủy', 'Khánh', 'Vân'] as const;

/** Titles and offices for quoted people. */
export const roles = [
  'Chủ tịch UBND xã', 'Bí thư Đảng ủy xã', 'Giám đốc Sở', 'Phó Chủ tịch UBND huyện', 'Trưởng phòng Nông nghiệp huyện',
  'Hiệu trưởng nhà trường', 'Giám đốc hợp tác xã', 'chủ tàu cá', 'Trưởng thôn', 'Tỉnh ủy viên',
] as const;

/** Villages and communes, for captions and quotes. */
export const places = [
  'xã Nghĩa Hòa', 'xã An Vĩnh', 'xã Bình Thạnh', 'xã Tịnh Khê', 'xã Đức Lợi', 'phường Phổ Thạnh',
  'xã Ba Thành', 'xã Long Sơn', 'xã Sơn Kỳ', 'xã Trà Phong', 'thôn An Hội Bắc', 'thôn Tây',
  'xã Hành Thiện', 'phường Trương Quang Trọng', 'xã Bình Châu', 'xã Nghĩa An',
] as const;

/** Short heading nouns; a heading is a few of these words with no final period. */
export const headingPhrases = [
  'Khắc phục những hạn chế', 'Hướng về cơ sở', 'Ưu tiên giống lúa ngắn ngày', 'Giá tỏi tăng nhẹ',
  'Đảm bảo an toàn tuyệt đối', 'Sẵn sàng cung ứng cho thị trường', 'Cần liên kết chuỗi tiêu thụ',
  'Nghi lễ tri ân', 'Gìn giữ di sản', 'Những kết quả bước đầu', 'Còn nhiều khó khăn', 'Hiệu quả từ mô hình mới',
  'Tháo gỡ vướng mắc', 'Đổi thay ở vùng cao', 'Chung sức xây dựng nông thôn mới', 'Nỗ lực vượt khó',
  'Lan tỏa phong trào', 'Đầu tư có trọng điểm', 'Nâng cao chất lượng dạy và học', 'Chủ động phòng, chống dịch',
  'Giữ vững an ninh trật tự', 'Bám biển, giữ nghề', 'Tiềm năng lớn', 'Giải pháp căn cơ',
] as const;

export const headingQuestions = [
  'Vì sao giá cá giảm sâu?', 'Làm gì để giữ chân du khách?', 'Đâu là giải pháp?', 'Vướng ở đâu?',
  'Trách nhiệm thuộc về ai?', 'Bao giờ hoàn thành?',
] as const;

/** Things in a photo, for captions. */
export const photoScenes = [
  'thu hoạch tỏi trên ruộng cát', 'làm đất, chuẩn bị gieo sạ lúa', 'kiểm tra thiết bị tại phân xưởng',
  'phân loại cá ngừ sau chuyến biển', 'tham gia buổi tọa đàm', 'dự lễ khai giảng năm học mới',
  'khám bệnh miễn phí cho người dân', 'thi công tuyến đường mới', 'trao quà cho hộ nghèo',
  'trồng rừng sau mùa mưa bão', 'biểu diễn văn nghệ tại lễ hội', 'tuần tra trên biển',
  'tham quan sản phẩm OCOP', 'dọn vệ sinh bãi biển', 'nghiệm thu công trình', 'đón khách du lịch',
] as const;
