# redmine-seed.rb: a Redmine project with 20 units as users and N issues shaped like a district
# committee's tasks, for bench/peers/redmine.sh. Idempotent: it removes what it made before.
# Run: cd /usr/share/redmine && runuser -u www-data -- env RAILS_ENV=production \
#        REDMINE_INSTANCE=default bin/rails runner redmine-seed.rb [N]
# Prints a summary, then "API_KEY=<the admin's key>" on its last line.

n_issues = (ARGV[0] || 10_000).to_i
srand(42)

Setting.rest_api_enabled = '1'
Setting.default_language = 'vi'
admin = User.find_by_login('admin')
admin.update_columns(must_change_passwd: false) if admin.respond_to?(:must_change_passwd)

unit_names = [
  'Văn phòng Huyện ủy', 'Ban Tổ chức Huyện ủy', 'Ban Tuyên giáo Huyện ủy', 'Ủy ban Kiểm tra Huyện ủy',
  'Ban Dân vận Huyện ủy', 'Trung tâm Chính trị huyện', 'UBND huyện', 'HĐND huyện',
  'Ủy ban MTTQ huyện', 'Huyện đoàn', 'Hội Liên hiệp Phụ nữ huyện', 'Hội Nông dân huyện',
  'Hội Cựu chiến binh huyện', 'Liên đoàn Lao động huyện', 'Công an huyện', 'Ban Chỉ huy Quân sự huyện',
  'Phòng Tài chính - Kế hoạch', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và PTNT'
]
old = Project.find_by_identifier('dondoc-bench')
if old
  Issue.where(project_id: old.id).delete_all
  old.reload.destroy
end
User.where("login LIKE 'ddunit%'").each(&:destroy)

users = unit_names.each_with_index.map do |name, i|
  first, last = name.split(' ', 2)
  u = User.new(firstname: first, lastname: last || '-', language: 'vi',
               mail: format('ddunit%02d@example.invalid', i + 1))
  u.login = format('ddunit%02d', i + 1)
  u.password = u.password_confirmation = 'benchmark-pass-123'
  u.status = User::STATUS_ACTIVE
  u.save!
  u
end

project = Project.new(name: 'Theo dõi nhiệm vụ', identifier: 'dondoc-bench', is_public: true)
project.trackers = Tracker.all.to_a
project.save!
role = Role.find_by(name: 'Developer') || Role.givable.detect(&:assignable?)
users.each { |u| Member.create!(project: project, principal: u, role_ids: [role.id]) }

statuses = IssueStatus.all.to_a
closed = statuses.select(&:is_closed)
open_st = statuses.reject(&:is_closed)
trackers = project.trackers.to_a
prio = IssuePriority.default || IssuePriority.active.first
d0 = Date.new(2023, 1, 1)
span = (Date.new(2024, 12, 31) - d0).to_i
verbs = ['Rà soát', 'Tham mưu', 'Báo cáo', 'Hoàn thiện', 'Theo dõi, đôn đốc', 'Kiểm tra']
objs = ['quy hoạch sử dụng đất', 'thu ngân sách', 'xây dựng nông thôn mới nâng cao',
        'giải phóng mặt bằng', 'chuyển đổi số', 'Quy chế làm việc']

rows = (1..n_issues).map do |i|
  due = d0 + rand(span + 1)
  start = due - (7 + rand(60))
  created = start.to_time.utc
  done = rand < 0.4
  closed_on = done ? (due + rand(-20..20)).to_time.utc : nil
  {
    project_id: project.id, tracker_id: trackers.sample.id,
    subject: "#{verbs.sample} #{objs.sample} (nhiệm vụ #{i})",
    description: "Giao #{unit_names.sample} chủ trì; báo cáo trước ngày #{due.strftime('%d/%m/%Y')}.",
    due_date: due, start_date: start, status_id: (done ? closed : open_st).sample.id,
    assigned_to_id: users.sample.id, author_id: admin.id, priority_id: prio.id,
    created_on: created, updated_on: closed_on || created, closed_on: closed_on,
    done_ratio: done ? 100 : [0, 10, 30, 50, 70, 90].sample,
    is_private: false, lock_version: 0, lft: 1, rgt: 2
  }
end
rows.each_slice(1000) { |slice| Issue.insert_all(slice) }
Issue.connection.execute('UPDATE issues SET root_id = id WHERE root_id IS NULL')

puts "issues=#{Issue.where(project_id: project.id).count} users=#{users.size}"
puts "API_KEY=#{admin.api_key}"
